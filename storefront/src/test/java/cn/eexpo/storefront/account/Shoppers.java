package cn.eexpo.storefront.account;

import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Test shoppers: fresh accounts with unique e-mail addresses, signed in for a browserless view test. */
final class Shoppers {

    static final String PASSWORD = "Zhengzhou-2026";

    private Shoppers() {}

    static String newEmail() {
        return "shopper-" + UUID.randomUUID() + "@example.cn";
    }

    static Account newAccount(Accounts accounts) {
        return accounts.signUp(newEmail(), PASSWORD, "测试买家");
    }

    /** Signs the account in for the current thread, as the form sign-in would (its real principal). */
    static void signIn(AuthenticationProvider authentication, Account account) {
        var signedIn = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(account.email(), PASSWORD));
        SecurityContextHolder.getContext().setAuthentication(signedIn);
    }

    static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** The shopper's language, as the browser or the switch sets it. */
    static void speaks(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }

    /** A random resident ID number with a valid birth date and GB 11643 check digit. */
    static String idNumber() {
        var random = ThreadLocalRandom.current();
        String first17 = "410105"
                + String.format(
                        "%04d%02d%02d", random.nextInt(1950, 2005), random.nextInt(1, 13), random.nextInt(1, 29))
                + String.format("%03d", random.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        char[] checks = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + checks[sum % 11];
    }

    static List<String> ids(List<? extends com.vaadin.flow.component.Component> components) {
        return components.stream().map(c -> c.getId().orElse("")).toList();
    }
}
