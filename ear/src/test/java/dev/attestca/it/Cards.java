package dev.attestca.it;

import dev.attestca.applet.AttestationApplet;
import dev.attestca.client.AttestationPki;
import dev.attestca.client.CardCsr;
import dev.attestca.host.AttestCard;
import dev.attestca.host.SimulatedCard;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Simulated cards running the real applet, and the CSRs they sign. */
final class Cards {

  private Cards() {}

  /**
   * A fresh simulated card personalised with the attestation key of {@code pki}, its PIN verified.
   */
  static AttestCard personalised(AttestationPki pki) throws Exception {
    AttestCard card = new AttestCard(SimulatedCard.start(AttestationApplet.class));
    card.select();
    card.personalise(pki.attestationKey(), pki.attestationCertificate());
    card.verifyPin(AttestCard.DEFAULT_PIN.toCharArray());
    return card;
  }

  /** A CSR for {@code key}, signed by the card with the key in {@code slot}. */
  static String csr(AttestCard card, int slot, ECPublicKey key, ASN1Primitive bundle)
      throws Exception {
    PKCS10CertificationRequest csr =
        CardCsr.build(
            new X500Name("CN=Integration test key,O=AttestCA tests"),
            key,
            tbs -> card.sign(slot, tbs),
            bundle);
    return dev.attestca.client.Pem.encode("CERTIFICATE REQUEST", csr.getEncoded());
  }

  static X509Certificate certificate(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes()));
  }

  /** The lower-case hex SHA-256 of a key's SubjectPublicKeyInfo, as the CA indexes it. */
  static String spkiSha256(ECPublicKey key) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
  }
}
