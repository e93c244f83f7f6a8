package dev.attestca.it.tamper;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * TEST FIXTURE, never part of the product: deployed by AuditChainIT in a WAR of its own, next to
 * the EAR, it plays someone with write access to the database. It overwrites the detail column of
 * one audit row directly through the CA's datasource and answers the value it replaced.
 */
@WebServlet("/audit-row")
public class AuditTamperServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Resource(lookup = "java:jboss/datasources/AttestCaDS")
  private DataSource dataSource;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long seq = Long.parseLong(request.getParameter("seq"));
    String detail = request.getParameter("detail");
    try (Connection connection = dataSource.getConnection()) {
      String previous;
      try (PreparedStatement select =
          connection.prepareStatement("select detail from audit_record where seq = ?")) {
        select.setLong(1, seq);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            response.sendError(404, "no audit row " + seq);
            return;
          }
          previous = row.getString(1);
        }
      }
      try (PreparedStatement update =
          connection.prepareStatement("update audit_record set detail = ? where seq = ?")) {
        update.setString(1, detail.isEmpty() ? null : detail);
        update.setLong(2, seq);
        update.executeUpdate();
      }
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(previous == null ? "" : previous);
    } catch (SQLException e) {
      throw new IOException("cannot tamper with audit row " + seq, e);
    }
  }
}
