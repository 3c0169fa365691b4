/**
 * Event publications under faults: each listener invocation knows which publication it
 * works on, failed or abandoned publications are retried on a schedule by whichever
 * instance claims them, and operators can see what is stuck.
 */
@NamedInterface("events")
package app.kindred.core.events;

import org.springframework.modulith.NamedInterface;
