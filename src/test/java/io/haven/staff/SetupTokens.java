package io.haven.staff;

import io.quarkus.arc.Unremovable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Opens the first-run setup page for a test, as a fresh instance without any administrator would. */
@ApplicationScoped
@Unremovable
public class SetupTokens {

    @Inject
    SetupService setup;

    /**
     * Takes every administrator role away (other tests' accounts lose them) and answers a new setup
     * token, the one a first start would log.
     */
    public String withoutAdministrators() {
        QuarkusTransaction.requiringNew()
                .run(() -> StaffRole.delete("role in ?1", List.of(Role.ADMIN, Role.DISTRICT_ADMIN)));
        return setup.prepare();
    }
}
