package dev.attestca.ca.persistence;

import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Runs the schema migrations while Hibernate builds the persistence unit, before it validates the
 * schema against the entities ({@code hibernate.hbm2ddl.auto=validate}). Hibernate finds this class
 * through {@code META-INF/services/org.hibernate.integrator.spi.Integrator}.
 */
public class MigratingIntegrator implements Integrator {

  @Override
  public void integrate(
      Metadata metadata,
      BootstrapContext bootstrapContext,
      SessionFactoryImplementor sessionFactory) {
    ConnectionProvider connections =
        sessionFactory.getServiceRegistry().requireService(ConnectionProvider.class);
    SchemaMigrations.migrate(connections.unwrap(DataSource.class));
  }

  @Override
  public void disintegrate(
      SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {}
}
