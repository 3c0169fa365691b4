/** Web conventions every module's pages and API share. */
@NamedInterface("web")
package app.kindred.core.web;

import org.springframework.modulith.NamedInterface;
