/**
 * Shared kernel: supported languages, time and formatting, error handling and the page
 * layout every module builds on. Its root package and the named interfaces {@code web}
 * (binding, refusals and error pages), {@code events} (publications under faults) and
 * {@code config} (the production start check) are what other modules may use.
 */
package app.kindred.core;
