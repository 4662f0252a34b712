package dev.tandem.server.edge;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The proxies ({@code --trusted-proxies CIDR[,CIDR…]}) whose forwarding headers the server
 * believes. Immutable.
 */
public final class TrustedProxies {
    private static final TrustedProxies NONE = new TrustedProxies(List.of());
    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Reads {@code 10.0.0.0/8,192.168.1.7,::1/128}: addresses with an optional prefix length.
     *
     * @throws IllegalArgumentException with a sentence naming the entry that is not a block
     */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            blocks.add(Block.parse(text));
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("--trusted-proxies names no address: use e.g. 10.0.0.0/8,127.0.0.1");
        }
        return new TrustedProxies(blocks);
    }

    /** Whether a connection from {@code address} is one of the trusted proxies. */
    public boolean trusts(InetAddress address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    @Override
    public String toString() {
        return blocks.stream().map(Block::toString).collect(Collectors.joining(","));
    }

    /** One address block: the first {@code prefix} bits of {@code network}. */
    private record Block(byte[] network, int prefix, String text) {
        static Block parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            if (!host.matches("[0-9A-Fa-f:.]+")) {
                throw notABlock(text);
            }
            byte[] address;
            try {
                // Only literals reach here (the pattern above), so this never asks DNS.
                address = InetAddress.getByName(host).getAddress();
            } catch (UnknownHostException e) {
                throw notABlock(text);
            }
            int bits = address.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw notABlock(text);
                }
                if (prefix < 0 || prefix > bits) {
                    throw notABlock(text);
                }
            }
            return new Block(address, prefix, text);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length == 16 && network.length == 4 && isMappedIpv4(bytes)) {
                bytes = java.util.Arrays.copyOfRange(bytes, 12, 16);
            }
            if (bytes.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[whole] & mask) == (network[whole] & mask);
        }

        private static boolean isMappedIpv4(byte[] bytes) {
            for (int i = 0; i < 10; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
            return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
        }

        private static IllegalArgumentException notABlock(String text) {
            return new IllegalArgumentException("--trusted-proxies: '" + text + "' is not an address or address block "
                    + "(use e.g. 10.0.0.0/8, 192.168.1.7 or fd00::/8)");
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
