/**
 * Shared kernel: supported languages, time and formatting, error handling and the page
 * layout every module builds on.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package app.kindred.core;

import org.springframework.modulith.ApplicationModule;
