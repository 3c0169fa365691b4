/**
 * Single sign-on: each organisation's OpenID Connect provider (issuer, client, the secret
 * sealed or named in the environment), the "Sign in with" buttons, accounts made or
 * linked from a provider's verified claims, and organisations that sign their staff in
 * only this way.
 */
@ApplicationModule
package app.kindred.sso;

import org.springframework.modulith.ApplicationModule;
