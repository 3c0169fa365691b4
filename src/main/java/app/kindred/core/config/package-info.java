/** What Kindred refuses to start without outside development mode, and how it says so. */
package app.kindred.core.config;
