/**
 * Mail (SMTP) and in-app notifications. Other modules publish {@link org.entente.notification.MailRequested} or
 * {@link org.entente.notification.InAppNotificationRequested} inside their own transaction; the event publication
 * registry delivers them after commit and retries until done, so a mail outage loses nothing. In-app notices may
 * also be posted directly in the caller's transaction with {@link org.entente.notification.InAppNotifications#post}.
 * Depends on {@code privacy} only, to declare the mails and notices it keeps on a person and destroy them when the
 * person's retention ends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.entente.notification;
