package io.haven.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.ManagementInterface;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The full check of the whole audit chain as an operator's command: {@code curl -X POST
 * http://127.0.0.1:9000/audit/verify} on the management port, which is bound to the host itself (README,
 * "Audit log"). It answers "intact" (200) or where the chain breaks (409), and logs the same line.
 */
@ApplicationScoped
public class AuditCommand {

    private static final Logger LOG = Logger.getLogger(AuditCommand.class);

    @Inject
    AuditChain chain;

    void routes(@Observes ManagementInterface management) {
        management.router().post("/audit/verify").blockingHandler(rc -> {
            String result = run();
            rc.response()
                    .setStatusCode(result.equals("intact") ? 200 : 409)
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(result + "\n");
        });
    }

    /** Checks every row and the head; returns "intact" or a line naming the break. */
    public String run() {
        Optional<AuditChain.Break> broken = QuarkusTransaction.requiringNew().call(() -> chain.check(true));
        String result = broken.map(b -> b.rowId() == null
                        ? "broken: the head does not match the newest rows"
                        : "broken at row " + b.rowId() + " (school " + b.schoolId() + ")")
                .orElse("intact");
        LOG.infof("Audit chain full check: %s", result);
        return result;
    }
}
