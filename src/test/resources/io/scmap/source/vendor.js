/* scmap test asset without any client_id */
!function(){var e={};e.version="1.0.0"}();
