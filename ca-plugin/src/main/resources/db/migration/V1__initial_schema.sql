-- The initial schema: exactly the JPA entities of dev.attestca.ca.model, portable to H2 2.x and
-- PostgreSQL 15. Column names are the entities' field names (Hibernate's default naming); binary
-- columns are bytea, which H2 also accepts (as BINARY VARYING). Sequences step by 50, the
-- allocation size Hibernate uses for @GeneratedValue.

create sequence attestation_ca_SEQ start with 1 increment by 50;
create sequence audit_record_SEQ start with 1 increment by 50;
create sequence certificate_profile_SEQ start with 1 increment by 50;
create sequence issued_certificate_SEQ start with 1 increment by 50;

create table attestation_ca (
    id bigint not null,
    sha256Fingerprint varchar(64) not null,
    subject varchar(1024) not null,
    certificateDer bytea not null,
    addedAt timestamp(6) with time zone not null,
    crlDer bytea,
    constraint pk_attestation_ca primary key (id),
    constraint uk_attestation_ca_fingerprint unique (sha256Fingerprint)
);

create table certificate_profile (
    id bigint not null,
    version bigint not null,
    name varchar(64) not null,
    requireAttestation boolean not null,
    nonceLifetimeSeconds bigint not null,
    validityDays integer not null,
    attestationRevocation varchar(32) not null,
    constraint pk_certificate_profile primary key (id),
    constraint uk_certificate_profile_name unique (name),
    constraint ck_certificate_profile_revocation
        check (attestationRevocation in ('DISABLED', 'REQUIRE_CRL', 'CRL_IF_AVAILABLE'))
);

create table profile_attestation_ca (
    CertificateProfile_id bigint not null,
    trustedAttestationCas_id bigint not null,
    constraint pk_profile_attestation_ca
        primary key (CertificateProfile_id, trustedAttestationCas_id),
    constraint fk_profile_attestation_ca_profile
        foreign key (CertificateProfile_id) references certificate_profile (id),
    constraint fk_profile_attestation_ca_ca
        foreign key (trustedAttestationCas_id) references attestation_ca (id)
);

-- A nonce is its own primary key: the same value can never be handed out twice, and the single
-- use is one conditional update of usedAt.
create table enrollment_nonce (
    nonce_value varchar(128) not null,
    profileName varchar(64) not null,
    issuedAt timestamp(6) with time zone not null,
    expiresAt timestamp(6) with time zone not null,
    usedAt timestamp(6) with time zone,
    constraint pk_enrollment_nonce primary key (nonce_value)
);

-- A serial number is unique per issuer.
create table issued_certificate (
    id bigint not null,
    serialNumber varchar(64) not null,
    issuer varchar(1024) not null,
    subject varchar(1024) not null,
    profileName varchar(64) not null,
    spkiSha256 varchar(64) not null,
    attestationSignerSha256 varchar(64),
    requestId varchar(36) not null,
    notBefore timestamp(6) with time zone not null,
    notAfter timestamp(6) with time zone not null,
    certificateDer bytea not null,
    constraint pk_issued_certificate primary key (id),
    constraint uk_issued_certificate_issuer_serial unique (issuer, serialNumber)
);
create index ix_issued_certificate_spki on issued_certificate (spkiSha256);

create table audit_record (
    id bigint not null,
    requestId varchar(36) not null,
    recordedAt timestamp(6) with time zone not null,
    caller varchar(256),
    profileName varchar(64),
    attestationFormat varchar(64),
    attestationSignerSha256 varchar(64),
    verdict varchar(16) not null,
    reasonCode varchar(64),
    detail varchar(2000),
    issuedSerial varchar(64),
    constraint pk_audit_record primary key (id)
);
