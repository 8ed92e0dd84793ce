/**
 * The page shell every module's pages sit in (layout, theme, navigation, home, login), URL security, and the
 * RFC 9457 problem documents of the API. Depends on {@code directory} for the signed-in person's name and role.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interface web")
package org.entente.web;
