package dev.agentq.schemas.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go (a guard against server-side request forgery): https only, unless plain
 * http is allowed; and every address the host resolves to must be public — loopback, private,
 * link-local (including cloud metadata at 169.254.169.254), shared, multicast and unspecified
 * addresses are refused — unless the host or address is on the allowlist. Checked when a URL is
 * registered and again before every attempt, after DNS resolution, so a name that later resolves
 * inward is refused then.
 *
 * @param allowHttp whether plain {@code http://} is allowed (standalone and tests)
 * @param allowlist hosts, or address prefixes such as {@code 127.0.0.1} or {@code 10.}, let through
 */
public record WebhookUrlPolicy(boolean allowHttp, List<String> allowlist) {
  public static final WebhookUrlPolicy STRICT = new WebhookUrlPolicy(false, List.of());

  public WebhookUrlPolicy {
    allowlist = List.copyOf(allowlist);
  }

  /** Why {@code url} may not receive webhooks, or empty if it may. */
  public Optional<String> problem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("it is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
      return Optional.of(
          allowHttp ? "only http and https URLs are allowed" : "only https URLs are allowed");
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      return Optional.of("it names no host");
    }
    if (uri.getUserInfo() != null) {
      return Optional.of("credentials in the URL are not allowed");
    }
    if (allowed(host)) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return Optional.of("its host '" + host + "' does not resolve");
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address) && !allowed(address.getHostAddress())) {
        return Optional.of(
            "its host '"
                + host
                + "' resolves to "
                + address.getHostAddress()
                + ", which is not a public address");
      }
    }
    return Optional.empty();
  }

  private boolean allowed(String hostOrAddress) {
    String value = unbracketed(hostOrAddress.toLowerCase(Locale.ROOT));
    return allowlist.stream()
        .map(entry -> unbracketed(entry.toLowerCase(Locale.ROOT)))
        .anyMatch(
            entry ->
                value.equals(entry)
                    || (entry.endsWith(".") || entry.endsWith(":")) && value.startsWith(entry)
                    || sameIpv6Address(entry, value));
  }

  /** A URL's IPv6 host comes in brackets ({@code [::1]}); an allowlist entry may or may not. */
  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** {@code ::1} and {@code 0:0:0:0:0:0:0:1} are one address. Literals only: no DNS here. */
  private static boolean sameIpv6Address(String entry, String value) {
    if (!entry.contains(":") || !value.contains(":") || entry.endsWith(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(entry).equals(InetAddress.getByName(value));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** True for addresses on the public internet. */
  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return !(first == 0
          || (first == 100 && second >= 64 && second <= 127) // shared address space (CGNAT)
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240); // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // unique local fc00::/7
      }
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }
}
