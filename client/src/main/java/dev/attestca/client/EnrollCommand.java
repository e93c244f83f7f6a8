package dev.attestca.client;

import dev.attestca.applet.AttestationApplet;
import dev.attestca.host.AttestCard;
import dev.attestca.host.CardConnector;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates a key on the card and enrolls it with the CA, attested. */
@Command(
    name = "enroll",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a key pair on the card, have the card sign a CSR for it and attest it with the"
          + " CA's nonce, and enroll the CSR. Without --reader the card is the applet running in"
          + " the jcardsim simulator, personalised with the DEVELOPMENT-ONLY attestation key."
    })
final class EnrollCommand implements Callable<Integer> {

  @Option(
      names = "--ca",
      defaultValue = "http://localhost:8080/attestca",
      description = "The CA's base URL (default: ${DEFAULT-VALUE}).")
  URI ca;

  @Option(
      names = "--profile",
      defaultValue = "attested",
      description = "Certificate profile (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(
      names = "--subject",
      defaultValue = "CN=AttestCA simulated SIM key",
      description = "Requested subject name (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(
      names = "--slot",
      defaultValue = "1",
      description = "Card key slot to generate the key in (default: ${DEFAULT-VALUE}).")
  int slot;

  @Option(
      names = "--reader",
      description = "PC/SC reader holding a personalised card, instead of the simulator.")
  String reader;

  @Option(
      names = "--pin",
      interactive = true,
      arity = "0..1",
      description =
          "The card's PIN; without a value it is asked for. Default: the development PIN the"
              + " applet has until personalisation sets another.")
  char[] pin;

  @Option(
      names = "--format",
      defaultValue = "cms",
      description =
          "Attestation format: cms (the card's CMS SignedData) or jws (its OpenID4VCI key"
              + " attestation JWS); the profile must accept it (default: ${DEFAULT-VALUE}).")
  AttestationFormat format;

  /** The attestation formats the card produces. */
  enum AttestationFormat {
    cms,
    jws
  }

  @Option(names = "--no-attestation", description = "Send the CSR without the card's attestation.")
  boolean noAttestation;

  @Option(
      names = "--user",
      description =
          "Authenticate to the CA as this user (HTTP Basic), for profiles that do not allow"
              + " anonymous enrollment; the password comes from the environment variable"
              + " ATTESTCA_PASSWORD.")
  String user;

  @Override
  public Integer call() throws Exception {
    // jcardsim reports its own progress on standard output; keep that clean for the result.
    PrintStream console = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      return enroll(console);
    } finally {
      System.setOut(console);
    }
  }

  private int enroll(PrintStream out) throws Exception {
    if (!"http".equalsIgnoreCase(ca.getScheme()) && !"https".equalsIgnoreCase(ca.getScheme())) {
      System.err.println(
          "--ca must be the CA's base URL starting with http:// or https://; got '" + ca + "'");
      return 1;
    }
    String password = System.getenv("ATTESTCA_PASSWORD");
    if (user != null && password == null) {
      System.err.println(
          "--user "
              + user
              + " needs the password in the environment variable ATTESTCA_PASSWORD; it is not"
              + " set");
      return 1;
    }
    AttestCard card = openCard();
    card.verifyPin(pin != null ? pin : AttestCard.DEFAULT_PIN.toCharArray());
    ECPublicKey key = card.generateKey(slot);
    CaClient client =
        new CaClient(ca, user, password == null ? new char[0] : password.toCharArray());
    try {
      var bundle = noAttestation ? null : attestation(card, client);
      PKCS10CertificationRequest csr =
          CardCsr.build(new X500Name(subject), key, tbs -> card.sign(slot, tbs), bundle);
      CaClient.Issued issued =
          client.enroll(profile, Pem.encode("CERTIFICATE REQUEST", csr.getEncoded()), null);
      out.println("Issued certificate");
      out.println("  subject:  " + issued.subject());
      out.println("  serial:   " + issued.serialNumber());
      out.println("  issuer:   " + issued.issuer());
      out.println("  valid:    " + issued.notBefore() + " to " + issued.notAfter());
      out.println(
          "  profile:  "
              + issued.profile()
              + (issued.attestationFormat() == null
                  ? " (no attestation)"
                  : " (attestation " + issued.attestationFormat() + ")"));
      out.print(issued.certificate());
      return 0;
    } catch (CaRefusedException e) {
      System.err.println("Refused by the CA: " + e.getMessage());
      return 2;
    }
  }

  private org.bouncycastle.asn1.ASN1Primitive attestation(AttestCard card, CaClient client)
      throws Exception {
    CaClient.Nonce nonce = client.newNonce(profile);
    if (format == AttestationFormat.jws) {
      String jws = card.attestJws(slot, nonce.nonce(), Instant.now().getEpochSecond());
      return CardCsr.jwsAttestationBundle(jws, List.of());
    }
    byte[] cms = card.attestCms(slot, nonce.octets());
    return CardCsr.attestationBundle(cms, List.of());
  }

  private AttestCard openCard() throws Exception {
    if (reader != null) {
      AttestCard card = new AttestCard(CardConnector.openReader(reader));
      card.select();
      return card;
    }
    AttestCard card = new AttestCard(CardConnector.open(AttestationApplet.class));
    card.select();
    AttestationPki pki = AttestationPki.development();
    card.personalise(pki.attestationKey(), pki.attestationCertificate());
    return card;
  }
}
