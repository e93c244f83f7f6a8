/**
 * Host side of the AttestCA Java Card applet: {@link dev.attestca.host.AttestCard} speaks its APDUs
 * over {@code javax.smartcardio}; {@link dev.attestca.host.CardConnector} and {@link
 * dev.attestca.host.SimulatedCard} open a channel to a PC/SC reader or to jcardsim.
 *
 * <p>This package verifies nothing: attestations and signatures are returned as the card produced
 * them, to be checked by the AttestCA verifier.
 */
package dev.attestca.host;
