package cn.eexpo.orders.quota;

import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.identity.BuyerIdentity;
import cn.eexpo.orders.identity.Identities;
import cn.eexpo.orders.identity.IdentityRequiredException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
class QuotaController {

    private final Accounts accounts;
    private final Identities identities;
    private final Quotas quotas;

    QuotaController(Accounts accounts, Identities identities, Quotas quotas) {
        this.accounts = accounts;
        this.identities = identities;
        this.quotas = quotas;
    }

    /** The signed-in buyer's quota for a year (this year in China by default); 409 without a real-name identity. */
    @GetMapping("/api/v1/me/quota")
    QuotaView quota(@RequestParam(required = false) @Nullable Integer year) {
        Account account = accounts.current()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in first."));
        BuyerIdentity identity = identities.of(account.id()).orElseThrow(IdentityRequiredException::new);
        int asked = year != null ? year : LocalDate.now(JdbcQuotas.CHINA).getYear();
        return QuotaView.of(quotas.status(identity.idNumberHash(), asked));
    }

    record QuotaView(int year, BigDecimal limit, BigDecimal used, BigDecimal remaining) {

        static QuotaView of(QuotaStatus status) {
            return new QuotaView(
                    status.year(),
                    status.limit().yuan(),
                    status.used().yuan(),
                    status.remaining().yuan());
        }
    }
}
