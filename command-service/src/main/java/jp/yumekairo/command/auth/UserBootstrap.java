package jp.yumekairo.command.auth;

import jp.yumekairo.events.MunicipalityCode;
import jp.yumekairo.events.Sector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the accounts that must exist before anyone can sign in: in the {@code demo} profile every demo
 * user with the password {@code yumekairo}; elsewhere only {@code admin}, and only when a password for it is
 * configured. Existing accounts are never touched.
 */
@Component
class UserBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(UserBootstrap.class);
    static final String DEMO_PASSWORD = "yumekairo";

    private final Users users;
    private final PasswordEncoder passwords;
    private final SecurityProperties properties;
    private final boolean demo;

    UserBootstrap(Users users, PasswordEncoder passwords, SecurityProperties properties,
                  @Value("${yumekairo.demo.users:false}") boolean demo) {
        this.users = users;
        this.passwords = passwords;
        this.properties = properties;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo) {
            createDemoUsers();
        } else if (properties.bootstrapAdminPassword() != null && !properties.bootstrapAdminPassword().isBlank()
                && !users.exists("admin")) {
            users.create("admin", passwords.encode(properties.bootstrapAdminPassword()), Role.ADMIN, null, null,
                    "事務局");
            LOG.info("created the ADMIN user 'admin' from YUMEKAIRO_ADMIN_PASSWORD");
        }
    }

    private void createDemoUsers() {
        demoUser("admin", Role.ADMIN, null, null, "事務局 (山口市)");
        demoUser("yamaguchi", Role.EDITOR, MunicipalityCode.YAMAGUCHI, null, "山口市 担当");
        demoUser("ube", Role.EDITOR, MunicipalityCode.UBE, null, "宇部市 担当");
        demoUser("hagi", Role.EDITOR, MunicipalityCode.HAGI, null, "萩市 担当");
        demoUser("hofu", Role.EDITOR, MunicipalityCode.HOFU, null, "防府市 担当");
        demoUser("mine", Role.EDITOR, MunicipalityCode.MINE, null, "美祢市 担当");
        demoUser("sanyo-onoda", Role.EDITOR, MunicipalityCode.SANYO_ONODA, null, "山陽小野田市 担当");
        demoUser("tsuwano", Role.EDITOR, MunicipalityCode.TSUWANO, null, "津和野町 担当");
        demoUser("prefecture", Role.PREFECTURE, null, null, "山口県 担当");
        demoUser("auditor", Role.AUDITOR, null, null, "監査担当");
        demoUser("reviewer-industry", Role.REVIEWER, null, Sector.INDUSTRY, "産業界 委員");
        demoUser("reviewer-academia", Role.REVIEWER, null, Sector.ACADEMIA, "学識経験者 委員");
        demoUser("reviewer-finance", Role.REVIEWER, null, Sector.FINANCE, "金融機関 委員");
    }

    private void demoUser(String username, Role role, MunicipalityCode municipality, Sector sector, String name) {
        if (!users.exists(username)) {
            users.create(username, passwords.encode(DEMO_PASSWORD), role, municipality, sector, name);
        }
    }
}
