package cn.eexpo.orders.identity;

import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The signed-in buyer's account and real-name identity, and an open check of a name and ID number. */
@RestController
class IdentityController {

    private final Accounts accounts;
    private final JdbcIdentities identities;

    IdentityController(Accounts accounts, JdbcIdentities identities) {
        this.accounts = accounts;
        this.identities = identities;
    }

    /** Whether a name and ID number would be accepted, and why not: 200 either way; stores and logs nothing. */
    @PostMapping("/api/v1/identity/validate")
    Validation validate(@RequestBody NameAndIdNumber request) {
        return identities
                .validate(orEmpty(request.name()), orEmpty(request.idNumber()))
                .map(problem -> new Validation(false, problem.getMessage(), problem.field()))
                .orElseGet(() -> new Validation(true, null, null));
    }

    @GetMapping("/api/v1/me")
    Me me() {
        Account account = signedIn();
        return new Me(account, identities.of(account.id()).map(IdentityView::of).orElse(null));
    }

    /** Registers or replaces the buyer's identity: 200 with it masked, 400 naming the field that is wrong. */
    @PutMapping("/api/v1/me/identity")
    IdentityView register(@RequestBody IdentityRequest request) {
        Account account = signedIn();
        return IdentityView.of(identities.register(
                account.id(), orEmpty(request.name()), orEmpty(request.idNumber()), orEmpty(request.phone())));
    }

    private Account signedIn() {
        return accounts.current()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in first."));
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    record NameAndIdNumber(@Nullable String name, @Nullable String idNumber) {

        @Override
        public String toString() {
            return "NameAndIdNumber[name=" + name + ", idNumber=" + (idNumber == null ? null : IdNumber.mask(idNumber))
                    + "]";
        }
    }

    record IdentityRequest(
            @Nullable String name,
            @Nullable String idNumber,
            @Nullable String phone) {

        @Override
        public String toString() {
            return "IdentityRequest[name=" + name + ", idNumber=" + (idNumber == null ? null : IdNumber.mask(idNumber))
                    + "]";
        }
    }

    /** @param field the field the reason is about, when not valid */
    record Validation(
            boolean valid,
            @Nullable String reason,
            @Nullable String field) {}

    /** An identity as the buyer sees it: ID number and phone masked. */
    record IdentityView(String name, String idNumber, String phone) {

        static IdentityView of(BuyerIdentity identity) {
            return new IdentityView(
                    identity.name(), identity.maskedIdNumber(), IdentityRules.maskPhone(identity.phone()));
        }
    }

    record Me(Account account, @Nullable IdentityView identity) {}
}
