#!/usr/bin/env bash
# Fails the build with one line when the Debian Android build tools are missing (see STACK.md).
missing=()
for tool in aapt zipalign apksigner; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "android: the Android build tools are missing (${missing[*]}): install them with 'apt-get install aapt zipalign apksigner', or build without the app: ./mvnw verify -pl '!android'" >&2
  exit 1
fi
