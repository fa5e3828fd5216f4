package jp.yumekairo.query.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.yumekairo.edge.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every view is open to anyone signed in (the members, the prefecture, reviewers, auditors); the auditor's
 * tools under {@code /api/audit} (the log, figure traces, the hash chain, the rebuild) only to AUDITOR and ADMIN,
 * since the log shows every member's writes with their metadata. Stateless bearer tokens, no sessions, no cookies, so no CSRF.
 * This chain covers the API, health and API documentation; the web UI's pages have a session-based chain of their own.
 * The auditor's beans check the same roles themselves ({@code @PreAuthorize}), whichever chain signed the caller in,
 * so a page reading through them sees no more than the API would show its user; the URL rules stay to refuse a
 * call before it reaches a controller.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class QuerySecurity {

    static final String ROLE_CLAIM = "role";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenVerification tokens) throws Exception {
        return http
                .securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                        "/swagger-ui/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/audit/rebuild").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/api/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint(problem())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problem())
                        .accessDeniedHandler(forbidden()))
                .build();
    }

    private static JwtAuthenticationConverter roles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLE_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static AuthenticationEntryPoint problem() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(response, request, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-token",
                    "this call needs a valid bearer token from the command service's POST /api/auth/token"));
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, denied) -> Problems.write(response, request,
                Problems.of(HttpStatus.FORBIDDEN, "not-permitted", "your role may not do this"));
    }
}
