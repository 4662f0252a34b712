package dev.tandem.server;

/** Writes {@link ErrorCode} as the console's TypeScript table ({@code console/src/api/errorCodes.ts}). */
final class ErrorCodeScript {
    private ErrorCodeScript() {
    }

    static String render() {
        StringBuilder ts = new StringBuilder();
        ts.append("// Written from the server's error table (dev.tandem.server.ErrorCode) by ErrorCodeTableTest: do not edit.\n")
                .append("// After changing the table: ./mvnw -q -B -pl server -am verify -Dtest=ErrorCodeTableTest \\\n")
                .append("//   -Dsurefire.failIfNoSpecifiedTests=false -Dtandem.writeGenerated=true\n")
                .append("import type { MessageKey } from '../i18n/en';\n\n")
                .append("export interface ErrorCodeEntry {\n")
                .append("  /** The machine code of a REST error, `{\"error\":{\"code\"}}`. */\n")
                .append("  readonly code: string;\n")
                .append("  readonly httpStatus: number;\n")
                .append("  /** The WebSocket close code, for the refusals a socket can meet. */\n")
                .append("  readonly closeCode?: number;\n")
                .append("  /** The exit code of `tandem device`, for the refusals a device meets. */\n")
                .append("  readonly exitCode?: number;\n")
                .append("  /** True when a device closed this way must not reconnect. */\n")
                .append("  readonly final?: boolean;\n")
                .append("  /** The catalogue key that words it for the reader. */\n")
                .append("  readonly messageKey?: MessageKey;\n")
                .append("}\n\n")
                .append("/** The standard close code for a peer refused by policy (not signed in, not allowed, not there). */\n")
                .append("export const POLICY_CLOSE_CODE = ").append(ErrorCode.Socket.POLICY).append(";\n\n")
                .append("export const ERROR_CODES = {\n");
        for (ErrorCode entry : ErrorCode.values()) {
            ts.append("  ").append(entry.name()).append(": { code: '").append(entry.code())
                    .append("', httpStatus: ").append(entry.httpStatus());
            entry.closeCode().ifPresent(code -> ts.append(", closeCode: ").append(code));
            entry.exitCode().ifPresent(code -> ts.append(", exitCode: ").append(code));
            if (entry.isFinal()) {
                ts.append(", final: true");
            }
            entry.messageKey().ifPresent(key -> ts.append(", messageKey: '").append(key).append('\''));
            ts.append(" },\n");
        }
        return ts.append("} as const satisfies Record<string, ErrorCodeEntry>;\n\n")
                .append("export type ErrorCodeName = keyof typeof ERROR_CODES;\n")
                .append("/** Every code a REST error can carry. */\n")
                .append("export type ApiErrorCode = (typeof ERROR_CODES)[ErrorCodeName]['code'];\n")
                .toString();
    }
}
