package dev.attestca.ca.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The CA's own REST API, version 1, under {@code /attestca/api/v1}. */
@ApplicationPath("api/v1")
public class AttestCaApi extends Application {}
