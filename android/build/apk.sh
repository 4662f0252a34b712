#!/usr/bin/env bash
# The APK build without Gradle, called by Maven (pom.xml passes the paths as environment variables):
#   resources  aapt compiles the manifest and res/ against android-all 34 and writes R.java
#   package    D8 -> classes.dex (minSdk 26 has java.time & co. itself; D8 backports the few Java 9-11
#              library calls), aapt packs the resources, zipalign, apksigner signs with the release
#              keystore or a generated debug key
set -euo pipefail
step="$1"
manifest="$WORK/AndroidManifest.xml"
mkdir -p "$WORK"

# The manifest with the build's version and SDK levels filled in.
# The operator's server (-Dtandem.android.publicUrl): its host gets the verified https link filter,
# and the join screen starts with it filled in.
host="$(echo "$PUBLIC_URL" | sed -E 's#^[a-z]+://##; s#[:/].*$##')"
sed -e "s/@VERSION_CODE@/$VERSION_CODE/; s/@VERSION_NAME@/$VERSION_NAME/; s/@MIN_SDK@/$MIN_SDK/; s/@TARGET_SDK@/$TARGET_SDK/; s/@HOST@/$host/" \
  "$MODULE/src/main/AndroidManifest.xml" > "$manifest"
mkdir -p "$WORK/res/values"
cat > "$WORK/res/values/server.xml" <<XML
<?xml version="1.0" encoding="utf-8"?>
<resources><string name="default_server" translatable="false">$PUBLIC_URL</string></resources>
XML

aapt_package() {
  aapt package -f --auto-add-overlay --no-version-vectors -M "$manifest" -S "$WORK/res" -S "$MODULE/src/main/res" -I "$ANDROID_JAR" \
    --min-sdk-version "$MIN_SDK" --target-sdk-version "$TARGET_SDK" "$@"
}

case "$step" in
resources)
  mkdir -p "$TARGET/generated-sources/aapt"
  aapt_package -m -J "$TARGET/generated-sources/aapt" --custom-package dev.tandem.android \
    -F "$TARGET/resources.ap_"
  ;;
package)
  tools="$TARGET/tools"
  rm -rf "$WORK/dex" && mkdir -p "$WORK/dex"
  "$JAVA_HOME/bin/jar" cf "$WORK/app-classes.jar" -C "$TARGET/classes" .
  "$JAVA_HOME/bin/java" -cp "$tools/r8.jar" com.android.tools.r8.D8 --release --min-api "$MIN_SDK" --lib "$ANDROID_JAR" --lib "$JAVA_HOME" \
    --output "$WORK/dex" "$WORK/app-classes.jar" "$WORK"/libs/*.jar > "$WORK/d8.log" 2>&1 \
    || { cat "$WORK/d8.log" >&2; exit 1; }
  unsigned="$WORK/tandem-unsigned.apk"
  aligned="$WORK/tandem-aligned.apk"
  aapt_package -F "$unsigned"
  (cd "$WORK/dex" && aapt add -f "$unsigned" classes*.dex >/dev/null)
  rm -f "$aligned" && zipalign -p -f 4 "$unsigned" "$aligned"

  keystore="$KEYSTORE"
  if [ -z "$keystore" ]; then
    # No operator keystore: a debug key that survives "mvn clean", so upgrades and assetlinks keep working.
    keystore="$HOME/.android/tandem-debug.keystore"
    KEY_ALIAS=tandem-debug
    export TANDEM_KEYSTORE_PASSWORD=android TANDEM_KEY_PASSWORD=android
    if [ ! -f "$keystore" ]; then
      mkdir -p "$(dirname "$keystore")"
      keytool -genkeypair -keystore "$keystore" -storepass android -keypass android -alias "$KEY_ALIAS" \
        -keyalg RSA -keysize 2048 -validity 10000 -dname "CN=Tandem Debug, O=Tandem" >/dev/null 2>&1
      echo "android: generated the debug signing key $keystore (set -Dtandem.android.keystore for a release build)"
    fi
  fi
  : "${TANDEM_KEYSTORE_PASSWORD:?set TANDEM_KEYSTORE_PASSWORD to the password of $keystore}"
  key_pass=TANDEM_KEY_PASSWORD
  [ -n "${TANDEM_KEY_PASSWORD:-}" ] || key_pass=TANDEM_KEYSTORE_PASSWORD
  apksigner sign --ks "$keystore" --ks-key-alias "$KEY_ALIAS" --ks-pass env:TANDEM_KEYSTORE_PASSWORD \
    --key-pass "env:$key_pass" \
    --min-sdk-version "$MIN_SDK" --out "$TARGET/tandem.apk" "$aligned"
  echo "android: $TARGET/tandem.apk ($(stat -c %s "$TARGET/tandem.apk") bytes), signed with $keystore"
  ;;
test-libs)
  # Maven cannot put an .aar on a class path: Robolectric needs androidx.test:monitor's classes.jar.
  mkdir -p "$TARGET/aar/monitor"
  (cd "$TARGET/aar/monitor" && "$JAVA_HOME/bin/jar" xf "$TARGET/aar/monitor.aar" classes.jar)
  ;;
*)
  echo "apk.sh: unknown step '$step'" >&2; exit 2 ;;
esac
