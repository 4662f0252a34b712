package dev.tandem.protocol.diagnostics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The active network. Wi-Fi readings are unavailable when the phone is not on Wi-Fi, cellular ones
 * when it has no SIM or no cellular service. At most {@link #MAX_ADDRESSES} addresses are kept.
 */
public final class NetworkSection {
    public static final int MAX_ADDRESSES = 16;

    public final NetworkKind kind;
    public final Reading<Integer> wifiSignalDbm;
    public final Reading<Integer> wifiLinkMbps;
    /** The mobile operator's name, e.g. {@code Vodafone}. */
    public final Reading<String> operator;
    /** The radio technology, e.g. {@code LTE} or {@code NR}. */
    public final Reading<String> cellularType;
    public final List<String> addresses;
    public final boolean vpn;

    @JsonCreator
    public NetworkSection(@JsonProperty("kind") NetworkKind kind,
                          @JsonProperty("wifiSignalDbm") Reading<Integer> wifiSignalDbm,
                          @JsonProperty("wifiLinkMbps") Reading<Integer> wifiLinkMbps,
                          @JsonProperty("operator") Reading<String> operator,
                          @JsonProperty("cellularType") Reading<String> cellularType,
                          @JsonProperty("addresses") List<String> addresses, @JsonProperty("vpn") boolean vpn) {
        this.kind = kind == null ? NetworkKind.NONE : kind;
        this.wifiSignalDbm = Reading.orAbsent(wifiSignalDbm);
        this.wifiLinkMbps = Reading.orAbsent(wifiLinkMbps);
        this.operator = Reading.orAbsent(operator);
        this.cellularType = Reading.orAbsent(cellularType);
        List<String> all = addresses == null ? List.of() : addresses;
        this.addresses = List.copyOf(all.subList(0, Math.min(all.size(), MAX_ADDRESSES)));
        this.vpn = vpn;
    }
}
