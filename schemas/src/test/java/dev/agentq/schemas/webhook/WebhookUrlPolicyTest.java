package dev.agentq.schemas.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the SSRF guard refuses and lets through. IP literals only, so that no test depends on the
 * machine's DNS.
 */
class WebhookUrlPolicyTest {
  private static final WebhookUrlPolicy STRICT = WebhookUrlPolicy.STRICT;

  @Test
  void aPublicHttpsAddressIsAllowed() {
    assertThat(STRICT.problem("https://8.8.8.8/hooks")).isEmpty();
    assertThat(STRICT.problem("https://[2001:4860:4860::8888]/hooks")).isEmpty();
  }

  @Test
  void plainHttpOnlyWhenConfigured() {
    assertThat(STRICT.problem("http://8.8.8.8/hooks")).contains("only https URLs are allowed");
    assertThat(new WebhookUrlPolicy(true, List.of()).problem("http://8.8.8.8/hooks")).isEmpty();
    assertThat(new WebhookUrlPolicy(true, List.of()).problem("ftp://8.8.8.8/hooks"))
        .contains("only http and https URLs are allowed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/", // loopback
        "https://[::1]/", // loopback, IPv6
        "https://10.1.2.3/", // private
        "https://172.16.0.1/", // private
        "https://192.168.1.1/", // private
        "https://169.254.169.254/latest/meta-data/", // cloud metadata, link-local
        "https://[fe80::1]/", // link-local, IPv6
        "https://[fd00::1]/", // unique local
        "https://[::ffff:127.0.0.1]/", // loopback mapped into IPv6
        "https://100.64.0.1/", // shared address space
        "https://0.0.0.0/", // unspecified
        "https://224.0.0.1/", // multicast
      })
  void inwardAddressesAreRefused(String url) {
    assertThat(STRICT.problem(url)).hasValueSatisfying(p -> assertThat(p).contains("not a public"));
  }

  @Test
  void urlsThatAreNotUrlsOrCarryCredentialsAreRefused() {
    assertThat(STRICT.problem("https://user:pw@8.8.8.8/"))
        .contains("credentials in the URL are not allowed");
    assertThat(STRICT.problem("https:///path")).contains("it names no host");
    assertThat(STRICT.problem("not a url at all")).isPresent();
  }

  @Test
  void theAllowlistAdmitsHostsAddressesAndPrefixes() {
    WebhookUrlPolicy policy = new WebhookUrlPolicy(true, List.of("127.0.0.1", "10.", "::1"));

    assertThat(policy.problem("http://127.0.0.1:9000/hooks")).isEmpty();
    assertThat(policy.problem("http://10.20.30.40/hooks")).isEmpty();
    assertThat(policy.problem("http://[::1]:9000/hooks")).as("bracketed IPv6 host").isEmpty();
    assertThat(policy.problem("http://[0:0:0:0:0:0:0:1]:9000/hooks")).isEmpty();
    assertThat(policy.problem("http://192.168.1.1/hooks")).isPresent();
  }
}
