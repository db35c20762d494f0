package cn.eexpo.orders.account;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Opens an account: 201 with the account; 400 naming the field that is wrong; 409 when the address is taken. */
    @PostMapping("/api/v1/accounts")
    ResponseEntity<Account> signUp(@RequestBody SignUp request) {
        Account account =
                accounts.signUp(orEmpty(request.email()), orEmpty(request.password()), orEmpty(request.displayName()));
        return ResponseEntity.created(URI.create("/api/v1/me")).body(account);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    record SignUp(
            @Nullable String email,
            @Nullable String password,
            @Nullable String displayName) {

        @Override
        public String toString() {
            return "SignUp[email=" + email + ", displayName=" + displayName + "]";
        }
    }
}
