package io.drover.marathon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortalAssetTest {
  @Test
  void theRootIsThePage() {
    assertThat(PortalAsset.forPath("/")).contains(new PortalAsset("io/drover/marathon/portal/index.html", "text/html; charset=utf-8"));
  }

  @Test
  void modulesAndStylesGetTheirContentTypes() {
    assertThat(PortalAsset.forPath("/js/pages/apps.js")).hasValueSatisfying(a -> {
      assertThat(a.resource()).isEqualTo("io/drover/marathon/portal/js/pages/apps.js");
      assertThat(a.contentType()).startsWith("text/javascript");
    });
    assertThat(PortalAsset.forPath("/portal.css")).hasValueSatisfying(a -> assertThat(a.contentType()).startsWith("text/css"));
  }

  @Test
  void pathsThatCouldLeaveThePortalFolderAreRefused() {
    assertThat(PortalAsset.forPath("/../MarathonApp.class")).isEmpty();
    assertThat(PortalAsset.forPath("/js/../../api/x.js")).isEmpty();
    assertThat(PortalAsset.forPath("//etc/passwd.js")).isEmpty();
    assertThat(PortalAsset.forPath("/js/.hidden.js")).isEmpty();
  }

  @Test
  void kindsThePortalDoesNotShipAreRefused() {
    assertThat(PortalAsset.forPath("/Portal.class")).isEmpty();
    assertThat(PortalAsset.forPath("/logback.xml")).isEmpty();
    assertThat(PortalAsset.forPath("/js")).isEmpty();
  }
}
