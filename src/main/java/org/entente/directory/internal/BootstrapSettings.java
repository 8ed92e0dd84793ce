package org.entente.directory.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator ({@code entente.bootstrap.*}, from ENTENTE_BOOTSTRAP_ADMIN, ENTENTE_BOOTSTRAP_ADMIN_PASSWORD
 * or ENTENTE_BOOTSTRAP_ADMIN_PASSWORD_FILE, ENTENTE_BOOTSTRAP_ADMIN_EMAIL): honoured only while no enabled
 * administrator exists.
 */
@ConfigurationProperties("entente.bootstrap")
record BootstrapSettings(String admin, String password, String passwordFile, String email) {
}
