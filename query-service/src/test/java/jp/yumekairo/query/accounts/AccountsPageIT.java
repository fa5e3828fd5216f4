package jp.yumekairo.query.accounts;

import jp.yumekairo.query.support.Browser;
import jp.yumekairo.query.support.Services;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat keeps the accounts in the browser: a new clerk is created and signs in to their own member's page;
 * a wrong entry is explained beside its field; a disabled account no longer signs in; a reset password works at once.
 * Every change is listed with who made it and why.
 */
class AccountsPageIT {

    private static String base;

    @BeforeAll
    static void start() {
        base = Services.demo().query().baseUrl();
    }

    @Test
    void theSecretariat_createsAClerk_whoSignsIn_disablesThem_andResetsTheirPassword_eachRecordedWithWhy() {
        try (Browser admin = new Browser(base); Browser clerk = new Browser(base)) {
            admin.signIn("admin");
            admin.find("nav a[href='/accounts']").click();
            String listed = admin.waitForText("#accounts tbody", "ube");
            assertThat(listed).contains("宇部市 担当").contains("編集者").contains("宇部市").contains("利用中");

            // an editor without a member, and a password too short: refused beside the fields, nothing created
            admin.fill("#account-new-username", "hagi-yamada");
            admin.fill("#account-new-displayName", "萩市 観光課 山田");
            new Select(admin.find("#account-new-role")).selectByValue("EDITOR");
            admin.fill("#account-new-password", "hagi-kanko-2024");
            admin.fill("#account-new-reason", "人事異動 (観光課の担当者の交代)");
            admin.find("#account-new form").submit();
            assertThat(admin.waitForText("#account-new-municipality-error", "市町"))
                    .isEqualTo("編集者の担当の市町を選んでください。");
            assertThat(admin.find("#account-new-username").getAttribute("value")).isEqualTo("hagi-yamada");
            assertThat(admin.find("#account-new-password").getAttribute("value")).as("a password is never shown again").isEmpty();

            new Select(admin.find("#account-new-municipality")).selectByVisibleText("萩市");
            admin.fill("#account-new-password", "short");
            admin.find("#account-new form").submit();
            assertThat(admin.waitForText("#account-new-password-error", "パスワード")).contains("12文字以上");

            admin.fill("#account-new-password", "hagi-kanko-2024");
            admin.find("#account-new form").submit();
            admin.waitForText("#account-new .notice", "保存しました");
            assertThat(row(admin, "#accounts", "hagi-yamada")).contains("萩市 観光課 山田").contains("編集者").contains("萩市");
            assertThat(row(admin, "#account-changes", "hagi-yamada")).contains("admin").contains("作成")
                    .contains("人事異動 (観光課の担当者の交代)");

            assertThat(clerk.trySignIn("hagi-yamada", "hagi-kanko-2024")).isTrue();
            assertThat(clerk.driver().getCurrentUrl()).endsWith("/members/35204");
            clerk.find("form[action='/signout'] button").click();

            // disabled: the clerk no longer gets in
            new Select(admin.find("#account-state-username")).selectByValue("hagi-yamada");
            new Select(admin.find("#account-state-action")).selectByValue("disable");
            admin.fill("#account-state-reason", "長期休職");
            admin.find("#account-state form").submit();
            admin.waitForText("#account-state .notice", "保存しました");
            assertThat(row(admin, "#accounts", "hagi-yamada")).contains("停止中");
            assertThat(clerk.trySignIn("hagi-yamada", "hagi-kanko-2024")).isFalse();

            // enabled again with a new password, which works at once
            new Select(admin.find("#account-state-username")).selectByValue("hagi-yamada");
            new Select(admin.find("#account-state-action")).selectByValue("enable");
            admin.fill("#account-state-reason", "復職");
            admin.find("#account-state form").submit();
            admin.waitForText("#account-state .notice", "保存しました");
            new Select(admin.find("#account-password-username")).selectByValue("hagi-yamada");
            admin.fill("#account-password-password", "hagi-kanko-2025-new");
            admin.fill("#account-password-reason", "本人から電話で依頼 (パスワード失念)");
            admin.find("#account-password form").submit();
            admin.waitForText("#account-password .notice", "保存しました");
            String changes = admin.find("#account-changes tbody").getText();
            assertThat(changes).contains("パスワード再設定").contains("再開").contains("停止").contains("長期休職");
            admin.screenshot("admin-accounts");

            assertThat(clerk.trySignIn("hagi-yamada", "hagi-kanko-2024")).isFalse();
            assertThat(clerk.trySignIn("hagi-yamada", "hagi-kanko-2025-new")).isTrue();
        }
    }

    @Test
    void theSecretariatCannotDisableItsOwnAccount_andIsToldSoInJapanese() {
        try (Browser admin = new Browser(base)) {
            admin.signIn("admin");
            admin.open("/accounts");
            new Select(admin.find("#account-state-username")).selectByValue("admin");
            new Select(admin.find("#account-state-action")).selectByValue("disable");
            admin.fill("#account-state-reason", "試し");
            admin.find("#account-state form").submit();

            assertThat(admin.waitForText("#account-state .form-error", "停止"))
                    .isEqualTo("サインインしているご自分のアカウントは停止できません。");
            assertThat(row(admin, "#accounts", "admin")).contains("利用中");
        }
    }

    private static String row(Browser browser, String table, String username) {
        for (WebElement row : browser.all(table + " tbody tr")) {
            if (row.getText().contains(username)) {
                return row.getText();
            }
        }
        throw new AssertionError(username + " is not in " + table + ": " + browser.find(table).getText());
    }
}
