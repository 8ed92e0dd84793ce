/**
 * Mail (SMTP) and in-app notifications. Other modules publish {@link org.entente.notification.MailRequested} or
 * {@link org.entente.notification.InAppNotificationRequested} inside their own transaction; the event publication
 * registry delivers them after commit and retries until done, so a mail outage loses nothing. In-app notices may
 * also be posted directly in the caller's transaction with {@link org.entente.notification.InAppNotifications#post}.
 * Depends on no module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.entente.notification;
