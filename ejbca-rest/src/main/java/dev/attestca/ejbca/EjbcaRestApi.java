package dev.attestca.ejbca;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * EJBCA's REST API shape, as far as AttestCA implements it, under the context root {@code /ejbca}:
 * {@code /ejbca/ejbca-rest-api/v1/certificate/...}. AttestCA's own API ({@code /attestca/api/v1})
 * remains the primary one.
 */
@ApplicationPath("ejbca-rest-api")
public class EjbcaRestApi extends Application {}
