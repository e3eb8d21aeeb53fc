package org.huisu.formats.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The interfaces a saved command output listed, collected as they are read, then one identity. */
final class InterfaceTable {

    private record Assigned(String address, Integer prefix) {
    }

    private static final class Interface {
        String mac;
        boolean loopback;
        final List<Assigned> addresses = new ArrayList<>();
    }

    private final Map<String, Interface> interfaces = new LinkedHashMap<>();
    private final Map<String, String> gateway4 = new LinkedHashMap<>();
    private final Map<String, String> gateway6 = new LinkedHashMap<>();

    void declare(String name) {
        interfaces.computeIfAbsent(name, n -> new Interface());
    }

    void mac(String name, String mac) {
        if (MacAddress.canonical(mac) != null && !mac.equals("00:00:00:00:00:00")) {
            interfaces.computeIfAbsent(name, n -> new Interface()).mac = mac;
        }
    }

    void loopback(String name) {
        interfaces.computeIfAbsent(name, n -> new Interface()).loopback = true;
    }

    /** Adds an address if the text is one; false when it is not. */
    boolean address(String name, String address, Integer prefix) {
        String canonical = IpAddress.canonical(address);
        if (canonical == null) {
            return false;
        }
        interfaces.computeIfAbsent(name, n -> new Interface()).addresses.add(new Assigned(canonical, prefix));
        return true;
    }

    void gateway(String name, String gateway) {
        String gw = IpAddress.canonical(gateway);
        if (gw != null) {
            (gw.indexOf(':') >= 0 ? gateway6 : gateway4).put(name, gw);
        }
    }

    boolean isEmpty() {
        return interfaces.isEmpty();
    }

    /**
     * One identity of every interface that is not loopback: each address, or the bare MAC of an
     * interface without one; null when nothing is left.
     */
    HostIdentity identity(String parserName) {
        List<InterfaceAddress> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Interface> e : interfaces.entrySet()) {
            Interface i = e.getValue();
            if (i.loopback) {
                continue;
            }
            int before = out.size();
            for (Assigned a : i.addresses) {
                if (AddressScope.of(a.address) == AddressScope.LOOPBACK) {
                    continue;
                }
                String gw = (a.address.indexOf(':') >= 0 ? gateway6 : gateway4).get(e.getKey());
                out.add(InterfaceAddress.of(e.getKey(), i.mac, a.address, a.prefix, gw));
            }
            if (out.size() == before && i.mac != null) {
                out.add(InterfaceAddress.of(e.getKey(), i.mac, null, null, null));
            }
            if (out.size() > before) {
                names.add(e.getKey());
            }
        }
        return out.isEmpty() ? null
                : new HostIdentity(null, List.of(), out, null, parserName + ": interfaces " + String.join(", ", names));
    }
}
