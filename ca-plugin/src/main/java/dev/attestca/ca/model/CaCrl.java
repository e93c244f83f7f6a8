package dev.attestca.ca.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The single row holding the CA's current CRL and its number. A revocation marks it stale in the
 * same transaction; the next request for the CRL locks the row and signs a new CRL with the next
 * number, so numbers only grow, whichever node signs.
 */
@Entity
@Table(name = "ca_crl")
public class CaCrl {

  /** The primary key of the only row. */
  public static final long ID = 1;

  @Id private Long id;

  @Column(nullable = false)
  private long crlNumber;

  private Instant thisUpdate;

  private Instant nextUpdate;

  /** The current CRL, base64 DER; null before the first one is signed. */
  @Column(length = 1000000)
  private String crlBase64;

  @Column(nullable = false)
  private boolean stale = true;

  protected CaCrl() {}

  /** The row before the first CRL. */
  public static CaCrl initial() {
    CaCrl crl = new CaCrl();
    crl.id = ID;
    return crl;
  }

  public long getCrlNumber() {
    return crlNumber;
  }

  public Instant getThisUpdate() {
    return thisUpdate;
  }

  public Instant getNextUpdate() {
    return nextUpdate;
  }

  public String getCrlBase64() {
    return crlBase64;
  }

  public boolean isStale() {
    return stale;
  }

  /** Records a newly signed CRL. */
  public void replace(long number, Instant thisUpdate, Instant nextUpdate, String crlBase64) {
    this.crlNumber = number;
    this.thisUpdate = thisUpdate;
    this.nextUpdate = nextUpdate;
    this.crlBase64 = crlBase64;
    this.stale = false;
  }
}
