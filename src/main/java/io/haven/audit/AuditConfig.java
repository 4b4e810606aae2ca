package io.haven.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit log's daily digest (the README's configuration table lists it). */
@ConfigMapping(prefix = "haven.audit")
public interface AuditConfig {

    /**
     * When the full chain check runs and the content-free digest is mailed to administrators (a Quartz-style
     * cron in UTC; "off" stops it). Environment: HAVEN_AUDIT_DIGEST_CRON.
     */
    @WithDefault("0 15 5 * * ?")
    String digestCron();
}
