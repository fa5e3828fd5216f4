package jp.yumekairo.query.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Instant;

/**
 * The web UI's pages: a session after signing in through the command service, CSRF tokens on every form, and a
 * Content-Security-Policy that lets a page load nothing from anywhere but this service. The auditor's page is for
 * AUDITOR and ADMIN; every other page for anyone signed in, which of its forms show depending on the role.
 * (The API under {@code /api} keeps its own stateless bearer-token chain.)
 */
@Configuration(proxyBeanMethods = false)
class UiSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, CommandService commands) throws Exception {
        return http
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/signin", "/forbidden", "/error", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/audit", "/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/plan", "/plan/**").hasRole("ADMIN")
                        .requestMatchers("/accounts", "/accounts/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .authenticationProvider(new CommandServiceSignIn(commands))
                .formLogin(form -> form.loginPage("/signin").loginProcessingUrl("/signin")
                        .defaultSuccessUrl("/", true).failureHandler((request, response, failure) ->
                                response.sendRedirect(request.getContextPath() + "/signin?"
                                        + (failure instanceof org.springframework.security.authentication.BadCredentialsException
                                        ? "error" : failure instanceof CommandService.SignInLimited ? "limited"
                                        : "unavailable"))))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut"))
                .exceptionHandling(handling -> handling.accessDeniedPage("/forbidden")
                        .authenticationEntryPoint(signInPage()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new ExpiredToken(), AuthorizationFilter.class)
                .build();
    }

    /** To the sign-in page by a relative Location: never a URL made of the request's Host header. */
    private static LoginUrlAuthenticationEntryPoint signInPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/signin");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /** The command service's token lasts 30 minutes; after that the person signs in again instead of failing later. */
    private static final class ExpiredToken extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn
                    && signedIn.expired(Instant.now())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/signin?expired");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
