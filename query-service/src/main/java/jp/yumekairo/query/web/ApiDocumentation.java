package jp.yumekairo.query.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description ({@code /v3/api-docs}) and the browsable API page ({@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI queryApi() {
        return new OpenAPI()
                .info(new Info().title("山口ゆめ回廊 KPI ledger — query service").version("0.1.0")
                        .description("The views of the members, projects and the plan, each as of any instant (asOf), "
                                + "and the auditor's tools. Use the bearer token of the command service's "
                                + "POST /api/auth/token. Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
