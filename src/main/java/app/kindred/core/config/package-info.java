/** What Kindred refuses to start without outside development mode, and how it says so. */
@NamedInterface("config")
package app.kindred.core.config;

import org.springframework.modulith.NamedInterface;
