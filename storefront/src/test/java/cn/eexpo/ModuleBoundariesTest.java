package cn.eexpo;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModuleBoundariesTest {

    /**
     * The application's own classes: not the simulators of the outside world ({@code cn.eexpo.sandbox}, test
     * dependencies here) nor the test helpers other modules ship in their test jars.
     */
    private static final DescribedPredicate<JavaClass> NOT_THE_APPLICATION = JavaClass.Predicates.resideInAPackage(
                    "cn.eexpo.sandbox..")
            .or(DescribedPredicate.describe(
                    "test code",
                    type -> type.getSource()
                            .map(source -> source.getUri().toString().contains("-tests.jar")
                                    || source.getUri().toString().contains("/test-classes/"))
                            .orElse(false)));

    private final ApplicationModules modules = ApplicationModules.of(EexpoApplication.class, NOT_THE_APPLICATION);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        modules.verify();
    }

    @Test
    void moduleDocumentationIsWritten() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
