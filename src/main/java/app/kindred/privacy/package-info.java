@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package app.kindred.privacy;
