package cn.eexpo;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * The E-Expo bonded marketplace: assembles the catalog, order and clearance modules with the Vaadin storefront and
 * the REST API. Each direct sub-package of {@code cn.eexpo} is an application module (see ModuleBoundariesTest).
 */
@SpringBootApplication
@Modulithic(sharedModules = "common")
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/eexpo.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class EexpoApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(EexpoApplication.class, args);
    }
}
