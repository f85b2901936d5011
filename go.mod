module eventflux

go 1.26
