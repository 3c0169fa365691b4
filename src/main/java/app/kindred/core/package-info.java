/**
 * Shared kernel: supported languages, time and formatting, error handling and the page layout every module builds on.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.kindred.core;
