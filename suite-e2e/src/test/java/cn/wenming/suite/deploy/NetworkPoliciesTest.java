package cn.wenming.suite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * The NetworkPolicies, evaluated as Kubernetes does (a pod selected by a policy of a direction
 * takes only what some such policy allows; a connection needs the sender's egress and the
 * receiver's ingress), give exactly the connections the design needs and nothing else:
 * gateway → services, bulletin-service → the other three (hand-offs), distribution-service → bulletin-service (the issue a dispatch
 * is made of), services → PostgreSQL,
 * the ingress controller → gateway, distribution-service → the receivers' webhooks and SMTP,
 * and DNS for everyone.
 */
class NetworkPoliciesTest {

    private static final Set<String> SERVICES = Set.copyOf(DeployTree.SERVICES);

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void exactlyTheNeededConnectionsAreAllowed(String overlay) {
        Rendered r = Rendered.of(overlay);
        String namespace = "dev".equals(overlay) ? "wenming-dev" : "wenming";
        Map<String, PodTemplateSpec> pods = r.workloads();
        List<NetworkPolicy> policies = r.all(NetworkPolicy.class);

        for (String pod : pods.keySet()) {
            assertTrue(policies.stream().anyMatch(p -> selects(p, pods.get(pod)) && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))),
                    pod + " is isolated in both directions by default");
        }

        // inside the namespace: every pod to every port some pod listens on
        Set<String> allowed = new TreeSet<>();
        pods.forEach((src, srcPod) -> pods.forEach((dst, dstPod) -> {
            for (ContainerPort port : dstPod.getSpec().getContainers().get(0).getPorts()) {
                if (!src.equals(dst) && egressAllows(policies, srcPod, dstPod, port, namespace) && ingressAllows(policies, dstPod, srcPod, port, namespace)) {
                    allowed.add(src + " -> " + dst + ":" + port.getContainerPort());
                }
            }
        }));
        Set<String> expected = new TreeSet<>();
        for (String s : SERVICES) {
            expected.add("gateway -> " + s + ":8080");
            if (!s.equals("bulletin-service")) {
                expected.add("bulletin-service -> " + s + ":8080");
            }
            if (s.equals("bulletin-service")) {
                expected.add("distribution-service -> bulletin-service:8080");
            }
            if ("dev".equals(overlay)) {
                expected.add(s + " -> postgres:5432");
            }
        }
        assertEquals(expected, allowed, overlay + ": the connections inside the namespace");

        // leaving the namespace (DNS aside): ip blocks and other namespaces
        Set<String> external = new TreeSet<>();
        Set<String> dns = new TreeSet<>();
        for (NetworkPolicy p : policies) {
            for (var rule : p.getSpec().getEgress()) {
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    if (peer.getIpBlock() == null && peer.getNamespaceSelector() == null) {
                        continue;
                    }
                    for (String pod : pods.keySet()) {
                        if (selects(p, pods.get(pod))) {
                            String line = pod + " -> " + describe(peer) + " " + ports(rule.getPorts());
                            (describe(peer).contains("k8s-app=kube-dns") ? dns : external).add(line);
                        }
                    }
                }
            }
            for (var rule : p.getSpec().getIngress()) {
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    if (peer.getIpBlock() != null || peer.getNamespaceSelector() != null) {
                        pods.forEach((pod, t) -> {
                            if (selects(p, t)) {
                                external.add(describe(peer) + " -> " + pod + " " + ports(rule.getPorts()));
                            }
                        });
                    }
                }
            }
        }
        Set<String> expectedExternal = new TreeSet<>();
        expectedExternal.add("namespace{kubernetes.io/metadata.name=ingress-nginx} -> gateway [TCP/8080]");
        expectedExternal.add("distribution-service -> ipBlock 0.0.0.0/0 [TCP/443, TCP/465, TCP/587]");
        if ("prod".equals(overlay)) {
            for (String s : SERVICES) {
                expectedExternal.add(s + " -> ipBlock 192.0.2.0/24 [TCP/5432]");
            }
        }
        assertEquals(expectedExternal, external, overlay + ": the connections that leave the namespace");
        assertEquals(pods.size(), dns.size(), overlay + ": every pod may ask the cluster DNS, and only that: " + dns);
        for (String line : dns) {
            assertTrue(line.endsWith("[UDP/53, TCP/53]"), line);
        }
        System.out.println(overlay + ": allowed inside the namespace " + allowed + "; across it " + external);
    }

    // ---------------------------------------------------------------------------------------------

    private static boolean egressAllows(List<NetworkPolicy> policies, PodTemplateSpec src, PodTemplateSpec dst, ContainerPort port, String ns) {
        List<NetworkPolicy> applying = policies.stream().filter(p -> selects(p, src) && p.getSpec().getPolicyTypes().contains("Egress")).toList();
        return applying.isEmpty() || applying.stream().anyMatch(p -> p.getSpec().getEgress().stream()
                .anyMatch(rule -> peersMatch(rule.getTo(), dst, ns) && portsMatch(rule.getPorts(), port)));
    }

    private static boolean ingressAllows(List<NetworkPolicy> policies, PodTemplateSpec dst, PodTemplateSpec src, ContainerPort port, String ns) {
        List<NetworkPolicy> applying = policies.stream().filter(p -> selects(p, dst) && p.getSpec().getPolicyTypes().contains("Ingress")).toList();
        return applying.isEmpty() || applying.stream().anyMatch(p -> p.getSpec().getIngress().stream()
                .anyMatch(rule -> peersMatch(rule.getFrom(), src, ns) && portsMatch(rule.getPorts(), port)));
    }

    /** An empty peer list means every peer; a pod of this namespace matches a podSelector-only peer. */
    private static boolean peersMatch(List<NetworkPolicyPeer> peers, PodTemplateSpec pod, String ns) {
        if (peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                continue; // meant for addresses outside the cluster (see distribution-delivery's comment)
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    || matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", ns));
            boolean podOk = peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.getMetadata().getLabels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, ContainerPort port) {
        return ports.isEmpty() || ports.stream().anyMatch(p -> (p.getProtocol() == null ? "TCP" : p.getProtocol()).equals(port.getProtocol())
                && (p.getPort() == null || (p.getPort().getIntVal() != null ? p.getPort().getIntVal().equals(port.getContainerPort())
                        : p.getPort().getStrVal().equals(port.getName()))));
    }

    private static boolean selects(NetworkPolicy p, PodTemplateSpec pod) {
        return matches(p.getSpec().getPodSelector(), pod.getMetadata().getLabels());
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (LabelSelectorRequirement req : selector.getMatchExpressions()) {
            String value = labels.get(req.getKey());
            boolean ok = switch (req.getOperator()) {
                case "In" -> value != null && req.getValues().contains(value);
                case "NotIn" -> value == null || !req.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown operator " + req.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String describe(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return "ipBlock " + peer.getIpBlock().getCidr() + (peer.getIpBlock().getExcept().isEmpty() ? "" : " except " + peer.getIpBlock().getExcept());
        }
        String ns = "namespace" + new TreeMap<>(peer.getNamespaceSelector().getMatchLabels());
        return peer.getPodSelector() == null ? ns : ns + " pods" + new TreeMap<>(peer.getPodSelector().getMatchLabels());
    }

    private static String ports(List<NetworkPolicyPort> ports) {
        List<String> out = new ArrayList<>();
        for (NetworkPolicyPort p : ports) {
            out.add(p.getProtocol() + "/" + (p.getPort().getIntVal() != null ? p.getPort().getIntVal() : p.getPort().getStrVal()));
        }
        return out.toString();
    }
}
