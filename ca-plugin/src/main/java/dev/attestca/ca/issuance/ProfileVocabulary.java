package dev.attestca.ca.issuance;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The names a profile uses for certificate content: RFC 5280 keyUsage bits, extended key usages
 * (RFC 5280 section 4.2.1.12 names or dotted OIDs) and X.500 attribute types (CN, O, OU, C, ...).
 */
public final class ProfileVocabulary {

  /** keyUsage bits an end-entity certificate of this CA may carry. */
  public static final Map<String, Integer> KEY_USAGES =
      Map.of(
          "digitalSignature", KeyUsage.digitalSignature,
          "nonRepudiation", KeyUsage.nonRepudiation,
          "keyEncipherment", KeyUsage.keyEncipherment,
          "dataEncipherment", KeyUsage.dataEncipherment,
          "keyAgreement", KeyUsage.keyAgreement);

  private static final Map<String, KeyPurposeId> EXTENDED_KEY_USAGES =
      Map.of(
          "serverAuth", KeyPurposeId.id_kp_serverAuth,
          "clientAuth", KeyPurposeId.id_kp_clientAuth,
          "codeSigning", KeyPurposeId.id_kp_codeSigning,
          "emailProtection", KeyPurposeId.id_kp_emailProtection,
          "timeStamping", KeyPurposeId.id_kp_timeStamping);

  private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

  private ProfileVocabulary() {}

  /** The keyUsage bit mask for the names; unknown names must have been refused before. */
  public static int keyUsageBits(List<String> names) {
    int bits = 0;
    for (String name : names) {
      bits |= KEY_USAGES.get(name);
    }
    return bits;
  }

  /** The key purpose an extended key usage name or dotted OID stands for, if it is one. */
  public static Optional<KeyPurposeId> keyPurpose(String nameOrOid) {
    KeyPurposeId named = EXTENDED_KEY_USAGES.get(nameOrOid);
    if (named != null) {
      return Optional.of(named);
    }
    if (OID.matcher(nameOrOid).matches()) {
      return Optional.of(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(nameOrOid)));
    }
    return Optional.empty();
  }

  /** The OID of an X.500 attribute type name such as {@code CN}, if the name is known. */
  public static Optional<ASN1ObjectIdentifier> attributeType(String name) {
    try {
      return Optional.of(BCStyle.INSTANCE.attrNameToOID(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
