package dev.attestca.ca.rest;

import dev.attestca.ca.admin.Callers;
import dev.attestca.ca.admin.OperatorRefusal;
import dev.attestca.ca.profile.ProfileDocument;
import dev.attestca.ca.profile.ProfileJson;
import dev.attestca.ca.profile.ProfileService;
import dev.attestca.verifier.ReasonCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Certificate profiles, for policy admins. A change applies to the next enrollment. */
@Path("admin/profiles")
@RequestScoped
@RolesAllowed(Roles.POLICY_ADMIN)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ProfileAdminResource {

  @Inject ProfileService profiles;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @GET
  public List<ProfileDocument> list() {
    return profiles.list();
  }

  @GET
  @Path("{name}")
  public ProfileDocument get(@PathParam("name") String name) {
    return profiles.get(name);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    ProfileDocument created = profiles.create(document(body), Callers.name(security));
    return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build())
        .entity(created)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  /** Changes the profile; members left out of the body keep their value. */
  @PUT
  @Path("{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("name") String name, String body) {
    return Response.ok(profiles.update(name, document(body), Callers.name(security)))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private static ProfileDocument document(String body) {
    if (body == null || body.isBlank()) {
      throw new OperatorRefusal(
          ReasonCode.REQUEST_MALFORMED, "request body must be a profile; it is empty");
    }
    return ProfileJson.read(body, true);
  }
}
