package cn.eexpo.storefront.account;

import cn.eexpo.orders.identity.BuyerIdentity;
import cn.eexpo.orders.quota.QuotaStatus;
import cn.eexpo.orders.quota.Quotas;
import cn.eexpo.storefront.ui.Prices;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import java.time.Year;
import java.util.Optional;

/**
 * The buyer's annual cross-border quota: how much of the CNY 26,000 of this calendar year (in China) the buyer's ID
 * number has used and how much remains. Without a real-name identity there is no quota yet, and the meter says so.
 */
class QuotaMeter extends Composite<Div> {

    static final String ID = "quota-meter";

    private final Quotas quotas;

    QuotaMeter(Quotas quotas) {
        this.quotas = quotas;
        getContent().setId(ID);
        getContent().addClassNames("eexpo-account-section", "eexpo-quota");
    }

    void render(Optional<BuyerIdentity> identity) {
        Div root = getContent();
        root.removeAll();
        int year = Year.now(IdentitySection.CHINA).getValue();
        root.add(new H2(getTranslation("account.quota.title", Integer.toString(year))));
        if (identity.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("account.quota.none"));
            none.addClassNames("eexpo-notice", "eexpo-quota-none");
            root.add(none);
            return;
        }
        QuotaStatus status = quotas.status(identity.get().idNumberHash(), year);
        double limit = status.limit().fen();
        ProgressBar bar =
                new ProgressBar(0, limit, Math.min(limit, status.used().fen()));
        bar.addClassName("eexpo-quota-bar");
        bar.getElement().setAttribute("aria-label", getTranslation("account.quota.title", Integer.toString(year)));
        if (status.remaining().fen() * 10 < status.limit().fen()) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
        }
        Span used = new Span(getTranslation("account.quota.used", Prices.yuan(status.used())));
        used.addClassName("eexpo-quota-used");
        Span remaining = new Span(getTranslation("account.quota.remaining", Prices.yuan(status.remaining())));
        remaining.addClassName("eexpo-quota-remaining");
        Div figures = new Div(used, remaining);
        figures.addClassName("eexpo-quota-figures");
        Paragraph rule = new Paragraph(getTranslation("account.quota.rule", Prices.yuan(status.limit())));
        rule.addClassName("eexpo-quota-rule");
        root.add(bar, figures, rule);
    }
}
