package dev.tandem.bench;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * What the benchmark viewer asks the phone for, by the name {@code --encoding} takes: what the console
 * (noVNC 1.7 with its defaults) asks, the same without JPEG, or ZRLE as desktop viewers such as
 * TigerVNC's lossless setting do. Immutable.
 */
enum ViewerEncodingChoice {
    TIGHT("tight", "Tight + JPEG quality 6, compression 2, CopyRect (noVNC's defaults)", RfbViewer.NOVNC_ENCODINGS),
    TIGHT_LOSSLESS("tight-lossless", "Tight lossless, compression 2, CopyRect", RfbViewer.TIGHT_LOSSLESS_ENCODINGS),
    ZRLE("zrle", "ZRLE, CopyRect, Raw", RfbViewer.VIEWER_ENCODINGS);

    private final String option;
    private final String description;
    private final int[] encodings;

    ViewerEncodingChoice(String option, String description, int[] encodings) {
        this.option = option;
        this.description = description;
        this.encodings = encodings;
    }

    /** The SetEncodings list, in order of preference. */
    int[] encodings() {
        return encodings.clone();
    }

    String description() {
        return description;
    }

    @Override
    public String toString() {
        return option;
    }

    /** {@code --encoding}'s values: tight, tight-lossless, zrle. */
    static final class Converter implements CommandLine.ITypeConverter<ViewerEncodingChoice> {
        @Override
        public ViewerEncodingChoice convert(String value) {
            return Arrays.stream(values()).filter(c -> c.option.equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException("unknown encoding '" + value
                            + "'; use one of " + Arrays.stream(values()).map(ViewerEncodingChoice::toString)
                            .collect(Collectors.joining(", "))));
        }
    }
}
