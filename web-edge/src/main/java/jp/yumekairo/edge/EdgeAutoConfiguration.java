package jp.yumekairo.edge;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Switches the edge on in a servlet service: request ids, problem details for what fails outside Spring MVC
 * (before Boot's error controller, which it replaces), the API description, and the converters that bind a path
 * or query value to a {@code MunicipalityCode} or {@code FiscalYear}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(EdgeProperties.class)
@Import({ErrorProblems.class, ApiDocumentation.class})
public class EdgeAutoConfiguration implements WebMvcConfigurer {

    @Bean
    RequestIds requestIds() {
        return new RequestIds();
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new StringToMunicipalityCode());
        registry.addConverter(new StringToFiscalYear());
    }
}
