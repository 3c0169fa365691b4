package app.kindred.notification;

/** One composed message, ready to deliver. */
record Mail(String to, String subject, String text) {
}
